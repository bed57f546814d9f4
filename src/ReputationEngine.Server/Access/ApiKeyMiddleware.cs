using System.Security.Cryptography;
using System.Text;

namespace ReputationEngine.Server.Access;

/// <summary>
/// Requires the admin key in <c>X-Api-Key</c> when <c>REPUTATION_ADMIN_KEY</c> is set. Only /healthz is open.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string Header = "X-Api-Key";
    public const string EnvironmentVariable = "REPUTATION_ADMIN_KEY";

    private readonly byte[]? _adminKey = configuration[EnvironmentVariable] is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_adminKey is null || context.Request.Path.StartsWithSegments("/healthz"))
        {
            await next(context);
            return;
        }

        var presented = context.Request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            await Results.Problem(statusCode: 401, title: "API key required", detail: $"Send your key in the {Header} header.").ExecuteAsync(context);
            return;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _adminKey))
        {
            await Results.Problem(statusCode: 401, title: "Unknown API key", detail: "The key is not valid.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
