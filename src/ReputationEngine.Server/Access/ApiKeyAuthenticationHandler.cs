using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ReputationEngine.Server.Access;

/// <summary>
/// Authenticates <c>X-Api-Key</c> (or <c>access_token</c> on the hubs) against <see cref="ApiKeyStore"/>, and answers
/// <c>401</c>/<c>403</c> as problem+json. The user's claims carry the key id, its effective scopes and its rate.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyStore store, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = Request.Headers[ApiKeyDefaults.Header];
        if (string.IsNullOrEmpty(presented) && Request.Path.StartsWithSegments(ApiKeyDefaults.HubsPath))
        {
            presented = Request.Query[ApiKeyDefaults.QueryParameter];
        }

        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var key = await store.VerifyAsync(presented, Context.RequestAborted);
        if (key is null)
        {
            // Never log the presented value; its public id (if any) is enough to investigate.
            Logger.LogInformation("Rejected an unknown or revoked API key (id {KeyId})", ApiKeyFormat.IdOf(presented) ?? "-");
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(AccessClaims.KeyId, key.Id),
            new(ClaimTypes.Name, key.Name),
            new(AccessClaims.RatePerSecond, key.RatePerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(Scopes.Effective(key.Scopes).Select(s => new Claim(AccessClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failed = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.Header}\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized,
            failed ? "Unknown API key" : "API key required",
            failed ? "The API key is not valid or has been revoked." : $"Send an API key in the {ApiKeyDefaults.Header} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Scope missing",
            scope is null ? "This API key may not use this route." : $"This route needs an API key with the '{scope}' scope (or 'admin').");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
