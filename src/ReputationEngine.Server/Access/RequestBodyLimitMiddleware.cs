using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ReputationEngine.Server.Access;

/// <summary>
/// Caps request bodies per endpoint: <see cref="DefaultMaxBodyBytes"/> unless the endpoint declares its own
/// limit (<c>IRequestSizeLimitMetadata</c>, e.g. ingest's 16 MiB). Beyond it the server answers 413.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Body too large",
                    Detail = $"This route accepts at most {limit} bytes of body.",
                },
            }).AsTask();
        }

        // Chunked bodies without a length: the server stops reading at the limit (Kestrel answers 413).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
