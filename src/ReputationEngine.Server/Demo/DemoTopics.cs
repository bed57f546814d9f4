using ReputationEngine.Abstractions.Topics;

namespace ReputationEngine.Server.Demo;

/// <summary>The brands that <c>--demo</c> watches.</summary>
public static class DemoTopics
{
    public static TopicDefinition[] Create(DateTimeOffset now) =>
    [
        new() { Id = "acme-bank", Name = "Acme Bank", Keywords = ["acme bank"], Hashtags = ["acmebank"], BrandHandles = ["demo:acmebank"], UpdatedAt = now },
        new() { Id = "globex-air", Name = "Globex Air", Keywords = ["globex"], Hashtags = ["globexair"], BrandHandles = ["demo:globexair"], UpdatedAt = now },
        new() { Id = "initech-mobile", Name = "Initech Mobile", Keywords = ["initech"], Hashtags = ["initech"], BrandHandles = ["demo:initech"], UpdatedAt = now },
    ];
}
