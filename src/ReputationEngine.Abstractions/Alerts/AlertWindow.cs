namespace ReputationEngine.Abstractions.Alerts;

[GenerateSerializer, Immutable]
public sealed record AlertWindow([property: Id(0)] DateTimeOffset From, [property: Id(1)] DateTimeOffset To);
