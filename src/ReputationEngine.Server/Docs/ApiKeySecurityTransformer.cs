using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ReputationEngine.Server.Access;

namespace ReputationEngine.Server.Docs;

/// <summary>Declares the <c>X-Api-Key</c> scheme in the OpenAPI document and, per operation, the scope it needs.</summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.Header,
            Description = $"An API key with the scope the operation names: {string.Join(", ", Scopes.All)} (admin implies all).",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scope = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredScope>().LastOrDefault();
        if (scope is null)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, context.Document)] = [scope.Scope],
        });
        operation.Description = $"{operation.Description}\n\nRequires scope `{scope.Scope}`. 401 without a key, 403 without the scope, 429 over the key's rate.".TrimStart();
        return Task.CompletedTask;
    }
}
