using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ReputationEngine.Server.Errors;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, oversize bodies, wrong content type) into
/// problem+json with the reason, instead of a bare status. Everything else stays a generic 500 without details.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        // The JSON reader's message names the line and position, which is what a client needs to fix its body.
        var detail = bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Body too large" : "Bad request",
                Detail = detail,
            },
        });
    }
}
