using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using OpenTelemetry.Metrics;
using ReputationEngine.Server.Access;
using ReputationEngine.Server.Apis;
using ReputationEngine.Server.Docs;
using ReputationEngine.Server.Errors;
using Scalar.AspNetCore;

namespace ReputationEngine.Server.Extensions;

/// <summary>Access control (keys, scopes, rate limits), request hardening, and the documentation and metrics surfaces.</summary>
public static class AccessExtensions
{
    public const string OpenApiPath = "/openapi/{documentName}.json";
    public const string DocsPath = "/docs";
    public const string MetricsPath = "/metrics";
    public const string MeterName = "ReputationEngine";

    // System.Runtime: the process's CPU, working set, GC heap and thread pool, so a soak's memory can be watched live.
    private static readonly string[] Meters =
        [MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "Microsoft.Orleans", "System.Runtime"];

    private static readonly string[] CorsHeaders = [ApiKeyDefaults.Header, "Content-Type", "X-Requested-With", "X-SignalR-User-Agent"];
    private static readonly string[] CorsMethods = ["GET", "POST", "PUT", "DELETE"];

    public static WebApplicationBuilder AddReputationAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>().Bind(builder.Configuration.GetSection(AccessOptions.Section));
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AccessBootstrap>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessBootstrap>());

        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            // A route that declares no scope still needs a valid key (the route tests then fail until it declares one).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().Build())
            .AddScopePolicies();
        services.AddRateLimiter(KeyRateLimiting.Configure);

        // Binding failures throw so BadRequestExceptionHandler can explain them in problem+json.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        var cors = builder.Configuration.GetSection(CorsSettings.Section).Get<CorsSettings>() ?? new CorsSettings();
        if (cors.AllowedOrigins.Length > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins(cors.AllowedOrigins).WithHeaders(CorsHeaders).WithMethods(CorsMethods).WithExposedHeaders("Retry-After")));
        }

        services.AddOpenApi(o =>
        {
            var transformer = new ApiKeySecurityTransformer();
            o.AddDocumentTransformer(transformer);
            o.AddOperationTransformer(transformer);
        });
        services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(Meters).AddPrometheusExporter());

        // Request logs at Information carry full URLs, and hub URLs carry access_token: keep them out of the logs.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Warning);
        return builder;
    }

    /// <summary>The request pipeline in front of every endpoint: headers, CORS, body limits, authentication, rate limits, authorization.</summary>
    public static WebApplication UseReputationAccess(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRouting();
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null)
        {
            app.UseCors();
        }

        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>/api/keys, the OpenAPI document, the Scalar UI at /docs and the Prometheus scrape endpoint.</summary>
    public static WebApplication MapAccessSurfaces(this WebApplication app)
    {
        app.MapKeysApi();
        var publicDocs = app.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>()?.PublicDocs ?? false;
        var openApi = app.MapOpenApi(OpenApiPath);
        var docs = app.MapScalarApiReference(DocsPath, o => o
            .WithTitle("ReputationEngine API")
            .WithOpenApiRoutePattern(OpenApiPath)
            .AddApiKeyAuthentication(ApiKeyDefaults.Scheme, k => k.Name = ApiKeyDefaults.Header));
        if (publicDocs)
        {
            openApi.AllowWithoutKey();
            docs.AllowWithoutKey();
        }
        else
        {
            openApi.RequireScope(Scopes.Read);
            docs.RequireScope(Scopes.Read);
        }

        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireScope(Scopes.Metrics);
        return app;
    }

    private static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(Scopes.Policy(scope), p => p
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(AccessClaims.Scope, scope));
        }

        return authorization;
    }
}
