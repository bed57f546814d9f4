using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Server.Access;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Apis;

public static class KeysApi
{
    public const int MaxKeyNameLength = 100;

    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").RequireScope(Scopes.Admin).WithTags("Keys");
        keys.MapPost("/", CreateAsync).WithName("CreateKey").WithSummary("Create an API key; the answer is the only time the key is shown.");
        keys.MapGet("/", async (ApiKeyStore store, CancellationToken cancellationToken) => TypedResults.Ok(await store.ListAsync(cancellationToken)))
            .WithName("ListKeys").WithSummary("List keys (ids, names, scopes, rates; never the keys).");
        keys.MapDelete("/{id}", DeleteAsync).WithName("RevokeKey").WithSummary("Revoke a key.");
        return app;
    }

    private static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateAsync(
        CreateKeyRequest? request, ApiKeyStore store, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return BadRequest("Missing body", "Send {\"name\":…,\"scopes\":[…],\"ratePerSecond\":n}.");
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxKeyNameLength || name.Any(char.IsControl) || !TextRules.IsWellFormed(name))
        {
            return BadRequest("Invalid 'name'", $"'name' is 1-{MaxKeyNameLength} characters without control characters.");
        }

        if (request.Scopes is not { Length: > 0 } scopes || scopes.Length > Scopes.All.Length || !scopes.All(s => s is not null && Scopes.IsKnown(s)))
        {
            return BadRequest("Invalid 'scopes'", $"'scopes' is a non-empty list of {string.Join('|', Scopes.All)}.");
        }

        var rate = request.RatePerSecond ?? store.Options.DefaultRatePerSecond;
        if (rate is < 1 or > AccessOptions.MaxRatePerSecond)
        {
            return BadRequest("Invalid 'ratePerSecond'", $"'ratePerSecond' is a whole number from 1 to {AccessOptions.MaxRatePerSecond}.");
        }

        var (key, secret) = await store.CreateAsync(name, [.. scopes.Distinct(StringComparer.Ordinal)], rate, cancellationToken);
        return TypedResults.Created($"/api/keys/{key.Id}", new CreatedKey(key.Id, secret, key.Name, key.Scopes, key.RatePerSecond, key.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ApiKeyStore store, CancellationToken cancellationToken)
    {
        if (id == ApiKeyStore.EnvironmentKeyId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Key set by the environment",
                detail: $"This admin key comes from {AccessOptions.AdminKeyVariable}; unset the variable and restart to revoke it.");
        }

        if (id.Length != ApiKeyFormat.IdBytes * 2 || !id.All(char.IsAsciiHexDigitLower))
        {
            return BadRequest("Invalid key id", $"A key id is {ApiKeyFormat.IdBytes * 2} lowercase hex digits (the part after '{ApiKeyFormat.Prefix}').");
        }

        return await store.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Key not found", detail: $"No key '{id}'.");
    }

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
