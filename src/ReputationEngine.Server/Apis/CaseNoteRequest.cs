namespace ReputationEngine.Server.Apis;

/// <summary>Body of POST /api/conversations/{id}/notes.</summary>
public sealed record CaseNoteRequest(string? Text, string? Author);
