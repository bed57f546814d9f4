namespace ReputationEngine.LoadTests.Alerts;

/// <summary>An alert as one channel delivered it, stamped with the harness clock on arrival.</summary>
public sealed record ObservedAlert(string Channel, string Id, string TopicId, string Kind, double ArrivedAtSec);
