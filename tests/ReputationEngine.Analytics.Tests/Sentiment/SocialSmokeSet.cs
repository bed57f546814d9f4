using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Analytics.Sentiment.Training;

namespace ReputationEngine.Analytics.Tests.Sentiment;

/// <summary>
/// Short customer posts and brand mentions written by hand (not taken from any corpus, never
/// trained on): a check on social-style text. They live in <c>eval/sentiment-peers/social-check.tsv</c>
/// so the peer script scores the very same posts with VADER and AFINN.
/// </summary>
internal static class SocialSmokeSet
{
    private const string RelativePath = "eval/sentiment-peers/social-check.tsv";

    public static IReadOnlyList<(string Text, SentimentClass Label)> Posts { get; } =
        [.. SentimentCorpora.LoadCheckSet(Find(RelativePath)).Select(e => (e.Text, e.Label))];

    /// <summary>Finds a file of the repository above the test's output folder.</summary>
    public static string Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
