namespace ReputationEngine.Abstractions.Alerts;

/// <summary>One change of an alert, as recorded and published to dashboards and webhooks.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertChange([property: Id(0)] AlertEvent Event, [property: Id(1)] Alert Alert);
