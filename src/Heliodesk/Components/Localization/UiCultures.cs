using System.Globalization;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Localization;

namespace Heliodesk.Components.Localization;

/// <summary>
/// The languages the UI is translated into, and how a request picks one: the signed-in agent's choice
/// first, then the browser's Accept-Language, then English. Formats (dates, numbers) follow the
/// agent's full tag, so "es-MX" reads Spanish text with Mexican formats.
/// </summary>
public static class UiCultures
{
    public static readonly IReadOnlyList<(string Tag, string NativeName)> Translated =
    [
        ("en", "English"),
        ("es", "Español"),
        ("zh-Hans", "简体中文"),
    ];

    public static RequestLocalizationOptions LocalizationOptions()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedUICultures = Translated.Select(t => new CultureInfo(t.Tag)).ToList(),
            // Any real culture may format; text falls back from es-MX to es, zh-CN to zh-Hans, else English.
            SupportedCultures = CultureInfo.GetCultures(CultureTypes.AllCultures).Where(c => c.Name.Length > 0).ToList(),
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders.Insert(0, new AgentCultureProvider());
        return options;
    }

    /// <summary>The UI language to store for a choice made in the settings page: one of <see cref="Translated"/>.</summary>
    public static bool IsTranslated(string tag) => Translated.Any(t => t.Tag == tag);

    private sealed class AgentCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var language = httpContext.User.FindFirst(AgentPreferences.LanguageClaim)?.Value;
            return Task.FromResult(language is null ? null : new ProviderCultureResult(language, UiLanguageFor(language)));
        }
    }

    // zh-CN, zh-SG and zh alone read Simplified Chinese; the parent-culture fallback covers the rest.
    private static string UiLanguageFor(string tag) =>
        tag.Equals("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("zh-CN", StringComparison.OrdinalIgnoreCase)
            || tag.StartsWith("zh-SG", StringComparison.OrdinalIgnoreCase)
            ? "zh-Hans"
            : tag;
}
