using System.Text.Json.Nodes;

namespace ReputationEngine.Server.Tests.Infrastructure;

/// <summary>Builds ingest JSON (DESIGN §4.2) for tests.</summary>
public static class Mentions
{
    public static readonly DateTimeOffset BaseTime = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    public static JsonObject Mention(string id, string text, string author = "tw:jane", int secondsAfterBase = 0,
        string[]? topics = null, string? conversationId = null, string kind = "post", long followers = 100, bool isBrand = false)
    {
        var mention = new JsonObject
        {
            ["id"] = id,
            ["source"] = "twitter",
            ["createdAt"] = BaseTime.AddSeconds(secondsAfterBase).ToString("O"),
            ["author"] = new JsonObject { ["id"] = author, ["name"] = author, ["followers"] = followers, ["isBrand"] = isBrand },
            ["text"] = text,
            ["kind"] = kind,
        };
        if (topics is not null)
        {
            mention["topics"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]);
        }

        if (conversationId is not null)
        {
            mention["conversationId"] = conversationId;
        }

        return mention;
    }

    public static string Array(params JsonNode[] mentions) => new JsonArray(mentions).ToJsonString();
}
