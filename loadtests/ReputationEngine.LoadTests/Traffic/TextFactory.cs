namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// Post texts in the voice of real feeds: complaints, praise and chatter about a brand, with handles,
/// hashtags, order numbers and emoji. Shares and quotes reuse the text they spread, as on real networks.
/// </summary>
public static class TextFactory
{
    /// <summary>Share of baseline chatter that is negative, neutral and positive (the rest).</summary>
    public const double NegativeShare = 0.25;
    public const double NeutralShare = 0.45;

    private static readonly string[] Negative =
    [
        "{0} lost my parcel again, this is awful #{0}fail",
        "@{0}care my order #{1} still hasn't arrived after three weeks. Worst service ever",
        "Cancelled my {0} subscription today. Charged twice and nobody answers the phone 😡",
        "Why does the {0} app crash every single time I try to pay?? Useless",
        "{0} support kept me on hold for 2 hours and then hung up. Never again",
        "The new {0} update deleted all my settings. Terrible, really disappointed",
        "Refund from {0} still missing after 40 days. Is anyone there? #scam",
        "{0} delivery guy threw my package over the fence, it's broken 👎",
    ];

    private static readonly string[] Neutral =
    [
        "Does anyone know when the {0} store on Main Street opens on Sundays?",
        "{0} announced a new pricing plan today, details on their site",
        "Comparing {0} with the alternatives before I decide, any tips?",
        "Just got the {0} newsletter, they are moving to a new warehouse",
        "Is the {0} outlet open during the holidays? #{0}",
        "Reading the {0} quarterly report, revenue flat vs last year",
    ];

    private static readonly string[] Positive =
    [
        "Loving the new {0} app, great update!",
        "Shout out to @{0}care, fixed my problem in five minutes 🙌",
        "{0} delivered a day early, really happy with the service",
        "Best customer support I've had in years, thanks {0}! #{0}love",
        "The {0} team went above and beyond for my order #{1}, amazing",
    ];

    private static readonly string[] Complaints =
    [
        "@{0} charged my card {1} times for one order and support blocked me. Do NOT use {0}. Please share",
        "{0} cancelled my flight with no notice, stuck at the airport with two kids, no hotel, no help. Disgraceful",
        "My {0} account was hacked and {0} says it's my problem. Lost everything. Spread the word #boycott{0}",
        "{0} sold me a broken laptop and refuses the warranty. Shameful treatment of customers",
    ];

    private static readonly string[] QuoteComments =
    [
        "Same happened to me!!", "This is unacceptable", "Wow, never buying from them again", "Ugh, again?",
        "Can confirm, awful", "How is this legal", "@{0} fix this now",
    ];

    private static readonly string[] Replies =
    [
        "@{0} this happened to my sister too", "So sorry, that's terrible", "Did they ever respond?",
        "File a complaint with the regulator", "I'm done with {0} as well",
    ];

    public static string Baseline(Random rng, string brand)
    {
        var draw = rng.NextDouble();
        var pool = draw < NegativeShare ? Negative : draw < NegativeShare + NeutralShare ? Neutral : Positive;
        return Format(pool[rng.Next(pool.Length)], brand, rng);
    }

    public static string Complaint(Random rng, string brand) => Format(Complaints[rng.Next(Complaints.Length)], brand, rng);

    public static string Share(string authorId, string original) => $"RT @{authorId}: {original}";

    public static string Quote(Random rng, string brand, string original) =>
        $"{Format(QuoteComments[rng.Next(QuoteComments.Length)], brand, rng)} {original}";

    public static string Reply(Random rng, string brand) => Format(Replies[rng.Next(Replies.Length)], brand, rng);

    private static string Format(string template, string brand, Random rng) =>
        template.Replace("{0}", brand, StringComparison.Ordinal).Replace("{1}", rng.Next(2, 99_999).ToString(), StringComparison.Ordinal);
}
