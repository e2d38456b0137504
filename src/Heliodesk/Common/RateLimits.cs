using System.Threading.RateLimiting;

namespace Heliodesk.Common;

/// <summary>Per-client limits where abuse is cheap for an attacker and costly for us.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Password guessing: 10 attempts a minute per address is plenty for a person.
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }
}
