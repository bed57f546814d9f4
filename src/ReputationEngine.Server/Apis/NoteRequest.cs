namespace ReputationEngine.Server.Apis;

/// <summary>Body of POST /api/conversations/{id}/notes.</summary>
public sealed record NoteRequest(string? Text, string? Author);
