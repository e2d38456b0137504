using System.Xml.Linq;

namespace Heliodesk.Tests.Ui;

/// <summary>Every string of the agent UI exists, non-empty, in every translation, with the same placeholders.</summary>
public sealed class TranslationTests
{
    private static readonly string Folder = Path.Combine(FindRoot(), "src", "Heliodesk", "Components", "Localization");

    [Theory]
    [InlineData("es")]
    [InlineData("zh-Hans")]
    public void Every_English_string_is_translated_with_the_same_placeholders(string culture)
    {
        var english = Read("UiText.resx");
        var translated = Read($"UiText.{culture}.resx");

        Assert.Empty(english.Keys.Except(translated.Keys));
        Assert.Empty(translated.Keys.Except(english.Keys));
        foreach (var (key, text) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{key} is empty in {culture}");
            Assert.Equal(Placeholders(text), Placeholders(translated[key]));
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Heliodesk.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Heliodesk.slnx not found above the test binaries.");
    }
}
