namespace ReputationEngine.Server.Demo;

/// <summary>Sentences the demo stream is made of; <c>{0}</c> is the brand's name.</summary>
public static class DemoText
{
    public static readonly string[] Positive =
    [
        "Really impressed with {0} today, the support team sorted everything in minutes. Great service!",
        "The new {0} app update is excellent, so much faster. Love it",
        "Shout out to {0} for the quick refund, thank you!",
        "Happy customer of {0} for five years, never had a problem. Wonderful people.",
    ];

    public static readonly string[] Neutral =
    [
        "Does anyone know when {0} opens on Sundays?",
        "Switching my plan with {0} next month, any tips?",
        "{0} announced new opening hours for the holidays.",
        "Reading the {0} terms and conditions before I sign.",
    ];

    public static readonly string[] Negative =
    [
        "Waited an hour on the phone with {0} and nobody answered. Terrible.",
        "{0} charged me twice this month and support is useless. Awful experience.",
        "Worst service ever from {0}, still no refund after three weeks.",
        "The {0} app keeps crashing, I can't log in at all. So frustrating and bad.",
    ];

    /// <summary>The complaints that go viral in a burst.</summary>
    public static readonly string[] Viral =
    [
        "{0} froze my account without warning and hung up on me twice. Disgusting way to treat a loyal customer. Please share!",
        "{0} lost my luggage, lied about it, and now refuses any refund. Never again, horrible company. RT so others know",
        "{0} cut off my service while I was in hospital and charged a penalty. Shameful, awful, angry. Share this!",
    ];

    public static readonly string[] Replies =
    [
        "Same happened to me with {0}, absolutely terrible.",
        "This is awful, {0} needs to fix this now.",
        "Unbelievable. Cancelling my {0} account today.",
    ];
}
