namespace ReputationEngine.LoadTests.Alerts;

/// <summary>The ways an alert reaches the harness, in order of preference for the headline latency.</summary>
public static class AlertChannels
{
    public const string SignalR = "signalR";
    public const string Webhook = "webhook";
    public const string Api = "api";

    public static IReadOnlyList<string> All { get; } = [SignalR, Webhook, Api];
}
