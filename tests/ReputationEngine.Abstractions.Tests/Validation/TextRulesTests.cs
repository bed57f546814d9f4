using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Abstractions.Tests.Validation;

public sealed class TextRulesTests
{
    [Fact]
    public void IsCleanId_EveryCharacter_ControlsBracesAndLoneSurrogatesRefused()
    {
        for (var c = char.MinValue; ; c++)
        {
            var expected = !char.IsControl(c) && c is not ('{' or '}') && !char.IsSurrogate(c);
            Assert.True(expected == TextRules.IsCleanId("id" + c, 256), $"U+{(int)c:X4}");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [Fact]
    public void IsWellFormed_Surrogates()
    {
        // Not theory data: serialized test data would turn lone surrogates into U+FFFD.
        Assert.True(TextRules.IsWellFormed("plain"));
        Assert.True(TextRules.IsWellFormed(""));
        Assert.True(TextRules.IsWellFormed("pair \ud83d\ude00 ok"));
        Assert.False(TextRules.IsWellFormed("lone \ud800"));
        Assert.False(TextRules.IsWellFormed("\udc00 lone low"));
        Assert.False(TextRules.IsWellFormed("reversed \ude00\ud83d"));
        Assert.False(TextRules.IsWellFormed("\ud83d\ude00\ud83d"));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("a", true)]
    public void IsCleanId_Length(string id, bool expected)
    {
        Assert.Equal(expected, TextRules.IsCleanId(id, 256));
        Assert.True(TextRules.IsCleanId(new string('x', 256), 256));
        Assert.False(TextRules.IsCleanId(new string('x', 257), 256));
    }
}
