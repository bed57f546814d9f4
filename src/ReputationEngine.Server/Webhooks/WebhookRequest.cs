namespace ReputationEngine.Server.Webhooks;

/// <summary>Body of <c>POST /api/webhooks</c>.</summary>
public sealed record WebhookRequest(string? Url, string? Secret, string[]? Topics, int? MinSeverity, string[]? Events);
