using Heliodesk.Common;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.DataProtection;

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
        builder.Services.AddSingleton<IdempotencySweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencySweeper>());
        builder.Services.AddOpenApi(o => o.DescribeOptionalsAsTheirValue());
        // Keys beside the data, so cookies and protected records survive restarts; nodes that share
        // a database must share this directory (or a key store) too.
        var dataDir = builder.Configuration.GetSection(HeliodeskOptions.Section).Get<HeliodeskOptions>()?.DataPath("keys")
            ?? new HeliodeskOptions().DataPath("keys");
        builder.Services.AddDataProtection().SetApplicationName("Heliodesk").PersistKeysToFileSystem(new DirectoryInfo(dataDir));
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
