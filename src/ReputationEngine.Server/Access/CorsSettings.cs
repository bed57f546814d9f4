namespace ReputationEngine.Server.Access;

/// <summary>Configuration section <c>Cors</c>: off unless origins are listed (e.g. <c>Cors__AllowedOrigins__0=https://ops.example</c>).</summary>
public sealed class CorsSettings
{
    public const string Section = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
