using ReputationEngine.Analytics.Detection;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Analytics.Tests.Detection;

/// <summary>Deterministic synthetic mentions in explicit event time, driven minute by minute like a grain's batches.</summary>
internal sealed class MentionStream
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(42);
    private int _next;

    public List<AlertSignal> Signals { get; } = [];

    public int Noisy(double rate) => (int)Math.Max(0, Math.Round(rate + (Math.Sqrt(rate) * Gaussian())));

    /// <summary>Feeds one minute of <paramref name="count"/> mentions, <paramref name="negative"/> of them negative, then evaluates.</summary>
    public IReadOnlyList<AlertSignal> Minute(TopicDetector detector, int minute, int count, int negative = 0, string? text = "just a normal day with acme", long followers = 100)
    {
        var at = Start.AddMinutes(minute);
        var last = at;
        for (var i = 0; i < count; i++)
        {
            last = at.AddSeconds(59.0 * i / Math.Max(1, count));
            detector.Observe(Mention(last, i < negative, text, followers));
        }

        var signals = detector.Evaluate(last);
        Signals.AddRange(signals);
        return signals;
    }

    public MentionObservation Mention(DateTimeOffset at, bool negative, string? text, long followers, string? conversation = null, MentionKind kind = MentionKind.Post, string? author = null)
    {
        var id = $"m{_next++}";
        return new MentionObservation(
            id, at, negative ? SentimentClass.Negative : SentimentClass.Neutral, negative ? -0.8f : 0f,
            author ?? $"a{_random.Next(5000)}", followers, conversation ?? id, kind, text);
    }

    public int Count(AlertKind kind, AlertAction action) => Signals.Count(s => s.Kind == kind && s.Action == action);

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
