using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.BrowserTests.Infrastructure;

/// <summary>
/// The real Heliodesk host on a real loopback port (Kestrel, not the in-memory test server: a browser
/// needs a socket), on SQLite in a temp directory, with the real clock (live updates are about time passing).
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public const string BootstrapToken = "hd_browser-test-bootstrap-token";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("heliodesk-browser-").FullName;

    public BrowserApp()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The app's CSS, scripts and blazor.web.js come from the build's static web assets manifest,
        // which ASP.NET Core only reads by itself in Development.
        builder.UseStaticWebAssets();
        builder.UseSetting("Heliodesk:DataDir", _dataDir);
        builder.UseSetting("Heliodesk:Demo", "false");
        builder.UseSetting("Heliodesk:BootstrapToken", BootstrapToken);
        builder.UseSetting("Heliodesk:SqliteSynchronous", "Normal");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>An API client on the real port, like any integration would use.</summary>
    public HttpClient ApiClient(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the stopped host; the temp directory is cleaned by the OS.
        }
    }

    /// <summary>
    /// Every browser context comes from 127.0.0.1 and would share one per-address sign-in limit;
    /// each context sends an address of its own instead (only this test host honours the header).
    /// </summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
