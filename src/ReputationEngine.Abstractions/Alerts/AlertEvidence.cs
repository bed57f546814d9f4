namespace ReputationEngine.Abstractions.Alerts;

/// <summary>Why an alert fired (DESIGN §4.4): what rose, who and which threads drive it, a few examples.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertEvidence
{
    [Id(0)] public string[] Terms { get; init; } = [];
    [Id(1)] public string[] Conversations { get; init; } = [];
    [Id(2)] public string[] Authors { get; init; } = [];
    [Id(3)] public AlertSample[] Samples { get; init; } = [];

    public static AlertEvidence None { get; } = new();
}

[GenerateSerializer, Immutable]
public sealed record AlertSample([property: Id(0)] string Id, [property: Id(1)] string Text);
