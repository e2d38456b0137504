using Heliodesk.Components.Localization;
using Heliodesk.Features.Agents.Pages;
using Heliodesk.Features.Inbox;

namespace Heliodesk.Components;

/// <summary>
/// The browser UI: Razor components (the agent workspace interactive over a server circuit, public
/// pages static), cookie sign-in pages, per-agent culture, antiforgery and the static assets.
/// </summary>
public static class AgentUi
{
    public static IHostApplicationBuilder AddAgentUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddLocalization();
        builder.Services.AddScoped<UiSession>();
        builder.Services.AddScoped<Shared.ShortcutHub>();
        builder.AddInbox();
        return builder;
    }

    /// <summary>After authentication: the culture comes from the agent's claims, so it must be known first.</summary>
    public static WebApplication UseAgentUi(this WebApplication app)
    {
        app.UseRequestLocalization(UiCultures.LocalizationOptions());
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapAgentUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
