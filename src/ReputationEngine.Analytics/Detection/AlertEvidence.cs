namespace ReputationEngine.Analytics.Detection;

/// <summary>Why an alert fired (DESIGN §4.4 <c>evidence</c>).</summary>
/// <param name="Terms">Terms that rose most against the topic's baseline, strongest first.</param>
/// <param name="Conversations">Conversations driving the signal, largest first.</param>
/// <param name="Authors">Authors driving the signal, largest first.</param>
/// <param name="Samples">A few representative mentions.</param>
public sealed record AlertEvidence(
    IReadOnlyList<TermRise> Terms,
    IReadOnlyList<EvidenceCount> Conversations,
    IReadOnlyList<EvidenceCount> Authors,
    IReadOnlyList<EvidenceSample> Samples)
{
    public static AlertEvidence Empty { get; } = new([], [], [], []);
}

/// <summary>A term's count in the alert window against what the baseline predicts for it.</summary>
public sealed record TermRise(string Term, int Observed, double Expected);

/// <summary>An id (conversation or author) with its mention count in the window and a detail figure (e.g. forecast shares or followers).</summary>
public sealed record EvidenceCount(string Id, int Mentions, double Detail);

/// <summary>A sample mention.</summary>
public sealed record EvidenceSample(string Id, string Text);
