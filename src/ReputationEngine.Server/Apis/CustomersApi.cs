using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Server.Privacy;
using ReputationEngine.Server.Access;
using ReputationEngine.Server.Validation;

namespace ReputationEngine.Server.Apis;

/// <summary>Customer profiles and privacy erasure (DESIGN §4.3a).</summary>
public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers");
        customers.MapGet("/{id}", async Task<Results<Ok<CustomerProfile>, ProblemHttpResult>> (string id, IGrainFactory grains) =>
        {
            if (!CrmIds.IsValid(id))
            {
                return CrmIds.Invalid();
            }

            var profile = await grains.GetGrain<ICustomerGrain>(id).GetProfileAsync();
            return profile is null
                ? TypedResults.Problem(statusCode: 404, title: "Customer not found", detail: $"No mention by '{id}' has been seen.")
                : TypedResults.Ok(profile);
        }).WithName("GetCustomer").WithTags("Customers").RequireScope(Scopes.Read);

        customers.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (
            string id, CustomerErasure erasure, CancellationToken cancellationToken) =>
        {
            if (!CrmIds.IsValid(id))
            {
                return CrmIds.Invalid();
            }

            await erasure.EraseAsync(id, cancellationToken);
            return TypedResults.NoContent();
        }).WithName("EraseCustomer").WithTags("Customers").RequireScope(Scopes.Admin);
        return app;
    }
}
