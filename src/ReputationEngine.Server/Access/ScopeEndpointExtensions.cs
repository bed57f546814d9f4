namespace ReputationEngine.Server.Access;

/// <summary>
/// The declarative access scheme: every route (or route group) states the scope it needs. A route that states
/// nothing still needs a valid key (the fallback policy), and the route tests fail until it declares a scope.
/// </summary>
public static class ScopeEndpointExtensions
{
    /// <summary>Requires an API key holding <paramref name="scope"/> (admin keys hold every scope).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder
    {
        if (!Scopes.IsKnown(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown scope.");
        }

        return builder.RequireAuthorization(Scopes.Policy(scope)).WithMetadata(new RequiredScope(scope));
    }

    /// <summary>Open without a key: only for /healthz and static shells that carry no data.</summary>
    public static TBuilder AllowWithoutKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AllowAnonymous();
}
