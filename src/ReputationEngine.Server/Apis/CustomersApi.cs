using Microsoft.AspNetCore.Http.HttpResults;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Server.Access;
using ReputationEngine.Server.MentionLog;
using ReputationEngine.Server.Validation;

namespace ReputationEngine.Server.Apis;

public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/{id}", async Task<Results<Ok<CustomerProfile>, ProblemHttpResult>> (string id, IGrainFactory grains) =>
        {
            if (!IsValidId(id))
            {
                return InvalidId();
            }

            var profile = await grains.GetGrain<ICustomerGrain>(id).GetProfileAsync();
            return profile is null
                ? TypedResults.Problem(statusCode: 404, title: "Customer not found", detail: $"No mention by '{id}' has been seen.")
                : TypedResults.Ok(profile);
        }).WithName("GetCustomer").WithTags("Customers").RequireScope(Scopes.Read);

        app.MapDelete("/api/customers/{id}", async Task<Results<NoContent, ProblemHttpResult>> (
            string id, IGrainFactory grains, IMentionLogStore log, CancellationToken cancellationToken) =>
        {
            if (!IsValidId(id))
            {
                return InvalidId();
            }

            // PRIVACY-ERASE (DESIGN §4.3a): every store holding a customer's texts or profile must be erased here.
            // Now: the customer grain (profile, recent texts; later mentions keep no text) and the mention log
            // (text, author name). Grain first, so a mention applied meanwhile finds the grain already erased.
            // Not yet erased here (owners, please add): alert evidence samples (AlertEvidence.Samples: texts in the
            // alert ledger and topic alert books), webhook outbox payloads (alert JSON with samples), CRM notes and
            // conversation data. Whoever adds a store of customer text adds its erase call here and a check to
            // Access/CustomerErasureTests.
            await grains.GetGrain<ICustomerGrain>(id).EraseAsync();
            await log.EraseAuthorTextAsync(id, cancellationToken);
            return TypedResults.NoContent();
        }).WithName("EraseCustomer").WithTags("Customers").RequireScope(Scopes.Admin);

        app.MapGet("/api/conversations/{id}", async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> (string id, IGrainFactory grains) =>
        {
            if (!IsValidId(id))
            {
                return InvalidId();
            }

            var summary = await grains.GetGrain<IConversationGrain>(id).GetSummaryAsync();
            return summary is null
                ? TypedResults.Problem(statusCode: 404, title: "Conversation not found", detail: $"No mention in conversation '{id}' has been seen.")
                : TypedResults.Ok(summary);
        }).WithName("GetConversation").WithTags("Conversations").RequireScope(Scopes.Read);
        return app;
    }

    private static bool IsValidId(string id) => TextRules.IsCleanId(id, IngestLimits.MaxIdLength);

    private static ProblemHttpResult InvalidId() =>
        TypedResults.Problem(statusCode: 400, title: "Invalid id", detail: $"Invalid id: {TextRules.IdRule}.");
}
