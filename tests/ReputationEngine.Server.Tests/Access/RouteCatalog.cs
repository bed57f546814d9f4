using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Server.Access;

namespace ReputationEngine.Server.Tests.Access;

/// <summary>Every route the running app serves, as (method, sample URL, required scope), read from its EndpointDataSource.</summary>
public static class RouteCatalog
{
    public const string SampleValue = "x1";

    /// <summary>Path prefixes that carry data or the API's shape: nothing under them may answer without a key.</summary>
    public static readonly string[] ProtectedPrefixes = ["/api", "/hubs", "/metrics", "/openapi", "/docs"];

    private static readonly string[] StaticExtensions = [".js", ".mjs", ".css", ".map", ".ico", ".svg", ".png", ".woff2"];

    public sealed record Route(string Method, string Url, string Pattern, string? Scope, bool Anonymous);

    public static IReadOnlyList<Route> All(IServiceProvider services)
    {
        var routes = new List<Route>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var url = pattern;
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[*]*" + parameter.Name + "[^}]*\\}", SampleValue);
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var scope = endpoint.Metadata.GetMetadata<RequiredScope>()?.Scope;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            routes.AddRange(methods.Where(m => m != "OPTIONS").Select(m => new Route(m, url, pattern, scope, anonymous)));
        }

        return routes;
    }

    public static bool IsProtectedPath(string pattern) =>
        Array.Exists(ProtectedPrefixes, p => pattern.Equals(p, StringComparison.OrdinalIgnoreCase) || pattern.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));

    /// <summary>Script, style, font and image files of a UI shell (the dashboard's, Scalar's): code, no data.</summary>
    public static bool IsStaticAsset(string pattern) =>
        Array.Exists(StaticExtensions, e => pattern.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>A scope set lacking <paramref name="scope"/>: what a key needs to be refused with 403.</summary>
    public static string[] AllBut(string scope) => [.. Scopes.All.Where(s => s != scope && s != Scopes.Admin)];
}
