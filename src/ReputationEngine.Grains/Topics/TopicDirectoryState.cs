using ReputationEngine.Abstractions.Topics;

namespace ReputationEngine.Grains.Topics;

[GenerateSerializer]
public sealed class TopicDirectoryState
{
    [Id(0)] public Dictionary<string, TopicDefinition> Topics { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public long Version { get; set; }
}
