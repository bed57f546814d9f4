namespace ReputationEngine.Server.Access;

public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>SignalR clients send a token as this query parameter (browsers cannot set WebSocket headers).</summary>
    public const string QueryParameter = "access_token";

    /// <summary>Paths where <see cref="QueryParameter"/> is accepted: only the hubs, so keys stay out of other URLs.</summary>
    public const string HubsPath = "/hubs";
}
