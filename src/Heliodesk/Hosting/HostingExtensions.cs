using Heliodesk.Common;
using Heliodesk.Features.Agents;

namespace Heliodesk.Hosting;

/// <summary>What every feature relies on: options, clock, JSON, problem details, limits, OpenAPI.</summary>
public static class HostingExtensions
{
    public static IHostApplicationBuilder AddHeliodeskHosting(this IHostApplicationBuilder builder)
    {
        // A missing registration or a scoped service captured by a singleton fails at start-up, not in production traffic.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.Services.AddOptions<HeliodeskOptions>().BindConfiguration(HeliodeskOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddJsonConventions();
        builder.AddProblemHandling();
        builder.AddRateLimits();
        builder.Services.AddOpenApi();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            o => o.Limits.MaxRequestBodySize = Limits.JsonBodyBytes);
        return builder;
    }

    public static WebApplication UseHeliodeskPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodySizeLimit();
        app.UseIdempotencyKeys();
        app.UseAuthentication();
        app.UseWorkspaceScope();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
