namespace ReputationEngine.Server.Extensions;

/// <summary>Where the startup banner goes: the console, or a writer a test substitutes to read the first-start key.</summary>
public sealed record BannerOutput(TextWriter Writer);
