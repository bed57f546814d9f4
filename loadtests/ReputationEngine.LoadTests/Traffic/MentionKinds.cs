namespace ReputationEngine.LoadTests.Traffic;

/// <summary>The <c>kind</c> values of DESIGN §4.2 the harness sends.</summary>
public static class MentionKinds
{
    public const string Post = "post";
    public const string Reply = "reply";
    public const string Share = "share";
    public const string Quote = "quote";
    public const string Review = "review";
}
