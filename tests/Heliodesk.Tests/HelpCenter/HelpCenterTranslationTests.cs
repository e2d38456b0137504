using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Heliodesk.Tests.HelpCenter;

/// <summary>Every help-center string exists, non-empty, in every translation, with the same placeholders.</summary>
public sealed partial class HelpCenterTranslationTests
{
    [Theory]
    [InlineData("es")]
    [InlineData("zh-Hans")]
    public void Every_English_string_is_translated_with_the_same_placeholders(string culture)
    {
        var english = Read("HelpCenterText.resx");
        var translated = Read($"HelpCenterText.{culture}.resx");

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{key} is empty in {culture}");
            Assert.Equal(Placeholders(text), Placeholders(translated[key]));
        }
    }

    private static Dictionary<string, string> Read(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Heliodesk.slnx")))
        {
            dir = dir.Parent;
        }
        return XDocument.Load(Path.Combine(dir.FullName, "src", "Heliodesk", "Features", "HelpCenter", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
    }

    private static string Placeholders(string text) =>
        string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
