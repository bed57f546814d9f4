namespace ReputationEngine.Server.Extensions;

/// <summary>Process-level settings read from the command line and environment.</summary>
public sealed record EngineOptions(string DataDir, int SiloPort, int GatewayPort, bool Demo)
{
    public const string DefaultUrl = "http://localhost:5080";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    public static EngineOptions From(IConfiguration configuration, bool demo) => new(
        Path.GetFullPath(configuration["data-dir"] ?? configuration["DataDir"] ?? "data"),
        configuration.GetValue("Orleans:SiloPort", DefaultSiloPort),
        configuration.GetValue("Orleans:GatewayPort", DefaultGatewayPort),
        demo);
}
