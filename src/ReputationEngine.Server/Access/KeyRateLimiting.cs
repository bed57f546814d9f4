using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ReputationEngine.Server.Access;

/// <summary>
/// One token bucket per API key (partitioned by key id): <c>ratePerSecond</c> tokens a second, a burst of one
/// second's worth, no queueing. Requests without a valid key are not limited here: they end in 401 without
/// touching the engine.
/// </summary>
public static class KeyRateLimiting
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        options.OnRejected = RejectAsync;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var id = context.User.FindFirstValue(AccessClaims.KeyId);
        if (id is null || !int.TryParse(context.User.FindFirstValue(AccessClaims.RatePerSecond), CultureInfo.InvariantCulture, out var rate))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        return RateLimitPartition.GetTokenBucketLimiter(id, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate,
            TokensPerPeriod = rate,
            ReplenishmentPeriod = Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Period;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Rate limit exceeded",
                Detail = $"This API key may make {http.User.FindFirstValue(AccessClaims.RatePerSecond)} requests per second; retry after {seconds} s.",
            },
        });
    }
}
