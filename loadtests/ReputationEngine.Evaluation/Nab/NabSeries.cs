namespace ReputationEngine.Evaluation.Nab;

/// <summary>One NAB data file with its labelled anomaly windows (inclusive, as row timestamps).</summary>
public sealed record NabSeries(string Name, DateTime[] Timestamps, double[] Values, IReadOnlyList<(DateTime From, DateTime To)> Windows);
