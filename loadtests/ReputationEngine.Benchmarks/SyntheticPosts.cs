namespace ReputationEngine.Benchmarks;

/// <summary>Deterministic social-style posts (mixed words, emoticons, hashtags, mentions, URLs) for timing.</summary>
public static class SyntheticPosts
{
    private const int Seed = 7;
    private const int MinWords = 6;
    private const int MaxWords = 22;

    private static readonly string[] Words =
    [
        "the", "a", "service", "phone", "app", "great", "terrible", "love", "hate", "not", "very", "so", "good", "bad",
        "slow", "fast", "support", "refund", "order", "delivery", "never", "always", "today", "again", "thanks", "ugh",
        "wow", "lol", "amazing", "awful", "really", "quite", "happy", "sad", "angry", "broken", "works", "fine", "price",
        "cheap", "expensive", "staff", "rude", "kind", "helpful", "but", "no", "problems",
    ];

    private static readonly string[] Extras = [":)", ":(", "!!!", "#fail", "#love", "@acme", "http://t.co/x", "😍", "😡", "SOOO", "nooo"];

    public static string[] Generate(int count)
    {
        var random = new Random(Seed);
        var posts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var words = Enumerable.Range(0, random.Next(MinWords, MaxWords + 1)).Select(_ => Words[random.Next(Words.Length)]).ToList();
            if (random.Next(2) == 0)
            {
                words.Add(Extras[random.Next(Extras.Length)]);
            }

            words.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            posts[i] = string.Join(' ', words);
        }

        return posts;
    }
}
