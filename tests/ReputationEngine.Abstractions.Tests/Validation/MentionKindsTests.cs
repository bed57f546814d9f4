using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Abstractions.Tests.Validation;

public sealed class MentionKindsTests
{
    [Theory]
    [InlineData("post", MentionKind.Post)]
    [InlineData("reply", MentionKind.Reply)]
    [InlineData("share", MentionKind.Share)]
    [InlineData("quote", MentionKind.Quote)]
    [InlineData("review", MentionKind.Review)]
    [InlineData("Post", MentionKind.Post)]
    [InlineData("REPLY", MentionKind.Reply)]
    [InlineData("sHaRe", MentionKind.Share)]
    public void TryParse_ContractNames_AnyAsciiCase(string text, MentionKind expected)
    {
        Assert.True(MentionKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("post, reply")]
    [InlineData("post,reply")]
    [InlineData("reply, reply")]
    [InlineData("post, share")]
    [InlineData("Post|Reply")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("01")]
    [InlineData("+1")]
    [InlineData("-0")]
    [InlineData(" 2 ")]
    [InlineData(" post")]
    [InlineData("post ")]
    [InlineData(" post ")]
    [InlineData("post\n")]
    [InlineData("\tquote")]
    [InlineData("posts")]
    [InlineData("retweet")]
    [InlineData("")]
    [InlineData("ſhare")]
    [InlineData("reply\u200b")]
    public void TryParse_AnythingElse_Refused(string text)
    {
        Assert.False(MentionKinds.TryParse(text, out var kind));
        Assert.Equal(MentionKind.Post, kind);
    }

    [Fact]
    public void Names_FollowTheEnum()
    {
        Assert.Equal(Enum.GetNames<MentionKind>().Select(n => n.ToLowerInvariant()), MentionKinds.Names);
        Assert.Equal("'kind' must be one of post|reply|share|quote|review", MentionKinds.Rule);
    }
}
