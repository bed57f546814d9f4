using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Analytics.Tests.Sentiment;

/// <summary>
/// Sixty short customer posts written for these tests (not taken from any corpus): a quick check
/// on social-style text that needs no data files.
/// </summary>
internal static class SocialSmokeSet
{
    public static IReadOnlyList<(string Text, SentimentClass Label)> Posts { get; } =
    [
        ("I love my new phone, battery lasts forever :)", SentimentClass.Positive),
        ("Thanks @AcmeSupport, fixed in five minutes. Great service!", SentimentClass.Positive),
        ("sooo happy with the upgrade 😍", SentimentClass.Positive),
        ("Best customer service EVER. Seriously impressed.", SentimentClass.Positive),
        ("The new app update is actually really good", SentimentClass.Positive),
        ("no problems at all with the delivery, arrived early", SentimentClass.Positive),
        ("Not bad at all, would buy again", SentimentClass.Positive),
        ("@acme you guys rock!!! 🎉", SentimentClass.Positive),
        ("Honestly the camera on this thing is amazing #happy", SentimentClass.Positive),
        ("finally a bank that doesn't make me wait on hold for an hour 👍", SentimentClass.Positive),
        ("Loving the new flavour, can't stop eating it lol", SentimentClass.Positive),
        ("Shoutout to the driver who helped me with my bags, so kind", SentimentClass.Positive),
        ("great value for money, highly recommend", SentimentClass.Positive),
        ("Wow, that was fast. Impressed with the refund process.", SentimentClass.Positive),
        ("this is the best coffee in town <3", SentimentClass.Positive),
        ("Happy to report the issue is resolved. Thank you!", SentimentClass.Positive),
        ("gorgeous design and works perfectly", SentimentClass.Positive),
        ("Can't believe how good the support team was today", SentimentClass.Positive),
        ("I was worried but it turned out great", SentimentClass.Positive),
        ("yesss it works now!! thanks so much", SentimentClass.Positive),
        ("Worst airline ever. Lost my bag AGAIN. #fail", SentimentClass.Negative),
        ("@AcmeBank your app has been down all day, this is ridiculous 😡", SentimentClass.Negative),
        ("Not happy with the service at all", SentimentClass.Negative),
        ("sooo disappointed with this phone, battery dies by noon", SentimentClass.Negative),
        ("Three weeks and still no refund. Terrible.", SentimentClass.Negative),
        ("I HATE waiting on hold for two hours", SentimentClass.Negative),
        ("the update broke everything, thanks for nothing", SentimentClass.Negative),
        ("never buying from them again", SentimentClass.Negative),
        ("The food was cold and the staff was rude :(", SentimentClass.Negative),
        ("My order arrived damaged and nobody answers emails", SentimentClass.Negative),
        ("what a joke of a company smh", SentimentClass.Negative),
        ("this is a scam, don't trust them", SentimentClass.Negative),
        ("can't log in for the third day in a row 😤", SentimentClass.Negative),
        ("Charged twice and support just ignores me", SentimentClass.Negative),
        ("totally useless product, broke after one day", SentimentClass.Negative),
        ("I want my money back", SentimentClass.Negative),
        ("the new design is ugly and confusing", SentimentClass.Negative),
        ("ugh, another outage. So frustrating", SentimentClass.Negative),
        ("Great, my flight got cancelled again. Just great.", SentimentClass.Negative),
        ("their customer service is a nightmare 😢", SentimentClass.Negative),
        ("Just ordered a new laptop from Acme", SentimentClass.Neutral),
        ("Store opens at 9am tomorrow", SentimentClass.Neutral),
        ("Does anyone know if the app works on tablets?", SentimentClass.Neutral),
        ("@acme what time does the sale start?", SentimentClass.Neutral),
        ("The company announced its quarterly results today http://example.com/news", SentimentClass.Neutral),
        ("Heading to the airport now", SentimentClass.Neutral),
        ("New firmware version 2.3 is available for download", SentimentClass.Neutral),
        ("Is the store on Main Street open on Sundays?", SentimentClass.Neutral),
        ("I switched to the monthly plan last week", SentimentClass.Neutral),
        ("They are moving their headquarters to Denver", SentimentClass.Neutral),
        ("Watching the keynote live #acme", SentimentClass.Neutral),
        ("Ordered the blue one, should arrive Tuesday", SentimentClass.Neutral),
        ("The meeting is at 5pm in room 4", SentimentClass.Neutral),
        ("Acme has 300 stores in Europe", SentimentClass.Neutral),
        ("Anyone tried the new model yet?", SentimentClass.Neutral),
        ("Updating my phone tonight", SentimentClass.Neutral),
        ("The price is 49 dollars per month", SentimentClass.Neutral),
        ("Reading the terms and conditions now", SentimentClass.Neutral),
        ("Flight 221 departs from gate 12", SentimentClass.Neutral),
        ("They changed the logo this year", SentimentClass.Neutral),
    ];
}
