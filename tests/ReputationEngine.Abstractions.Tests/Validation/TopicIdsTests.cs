using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Abstractions.Tests.Validation;

public sealed class TopicIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("acme")]
    [InlineData("Acme-2_eu.north")]
    [InlineData("0day")]
    public void IsValid_Slugs_Accepted(string id) => Assert.True(TopicIds.IsValid(id));

    [Theory]
    [InlineData("acme\n")]
    [InlineData("acme\r\n")]
    [InlineData("acme\n\n")]
    [InlineData("\nacme")]
    [InlineData("ac\nme")]
    [InlineData("acme\r")]
    [InlineData("acme ")]
    [InlineData(" acme")]
    [InlineData("")]
    [InlineData("-acme")]
    [InlineData(".acme")]
    [InlineData("_acme")]
    [InlineData("ac me")]
    [InlineData("acmé")]
    public void IsValid_NotASlug_Refused(string id) => Assert.False(TopicIds.IsValid(id));

    [Fact]
    public void IsValid_Null_Refused() => Assert.False(TopicIds.IsValid(null));

    [Fact]
    public void IsValid_Length_1To64()
    {
        Assert.True(TopicIds.IsValid(new string('a', 64)));
        Assert.False(TopicIds.IsValid(new string('a', 65)));
        // A trailing newline neither counts as a 65th character nor hides behind the 64 allowed.
        Assert.False(TopicIds.IsValid(new string('a', 64) + "\n"));
        Assert.False(TopicIds.IsValid(new string('a', 63) + "\n"));
    }

    [Fact]
    public void IsValid_EveryCharacter_OnlyAsciiLettersDigitsDashUnderscoreDot()
    {
        for (var c = char.MinValue; ; c++)
        {
            var allowed = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.';
            Assert.True(allowed == TopicIds.IsValid("a" + c), $"U+{(int)c:X4} after the first character");
            Assert.True(allowed == TopicIds.IsValid("a" + c + "b"), $"U+{(int)c:X4} inside");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }
}
