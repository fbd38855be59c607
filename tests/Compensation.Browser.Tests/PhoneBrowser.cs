using System.Diagnostics;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;
using OpenQA.Selenium.Support.UI;

namespace Compensation.Browser.Tests;

/// <summary>
/// Debian's headless Chromium driven through Debian's ChromeDriver, both by path (nothing is
/// downloaded), emulating a phone of 390 × 844 CSS pixels at a device pixel ratio of 2. The flags
/// are those that work on these machines (no sandbox as root, no background networking, a fresh
/// empty profile). Every command is bounded; Dispose quits the browser and, should that fail, kills
/// the driver's process tree.
/// </summary>
public sealed class PhoneBrowser : IDisposable
{
    public const int Width = 390;
    public const int Height = 844;
    public const double PixelRatio = 2;

    public static readonly string Chromium = Environment.GetEnvironmentVariable("COMPENSATION_CHROMIUM") ?? "/usr/bin/chromium";
    public static readonly string ChromeDriver = Environment.GetEnvironmentVariable("COMPENSATION_CHROMEDRIVER") ?? "/usr/bin/chromedriver";

    private readonly ChromeDriverService _service;
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "compensation-chromium-" + Guid.NewGuid().ToString("N"));

    public PhoneBrowser()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            throw new InvalidOperationException($"{Chromium} or {ChromeDriver} is missing: run `bash scripts/setup.sh` (Debian packages chromium and chromium-driver)");
        }

        Directory.CreateDirectory(_profile);
        _service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        _service.SuppressInitialDiagnosticInformation = true;
        _service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--lang=zh-CN", $"--user-data-dir={_profile}");
        // The console is kept so that a test can see what the page's Content-Security-Policy refused.
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings
        {
            Width = Width,
            Height = Height,
            PixelRatio = PixelRatio,
            EnableTouchEvents = true,
            UserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36",
        });
        Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(10);
        Driver.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
    }

    public ChromeDriver Driver { get; }

    /// <summary>Waits (at most 15 s) until the condition holds.</summary>
    public T Until<T>(Func<IWebDriver, T> condition, string what)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(15)) { Message = "waiting for " + what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    public T Script<T>(string script) => (T)Driver.ExecuteScript(script)!;

    /// <summary>The whole page, not only the first screen, as PNG: the page's full height at the phone's width and pixel ratio.</summary>
    public byte[] FullPageScreenshot()
    {
        var metrics = Driver.ExecuteCdpCommand("Page.getLayoutMetrics", []) as Dictionary<string, object?>
            ?? throw new InvalidOperationException("Page.getLayoutMetrics answered nothing");
        var content = (Dictionary<string, object?>)metrics["cssContentSize"]!;
        var width = Convert.ToDouble(content["width"], System.Globalization.CultureInfo.InvariantCulture);
        var height = Convert.ToDouble(content["height"], System.Globalization.CultureInfo.InvariantCulture);
        var shot = Driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new Dictionary<string, object?> { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
        }) as Dictionary<string, object?> ?? throw new InvalidOperationException("Page.captureScreenshot answered nothing");
        return Convert.FromBase64String((string)shot["data"]!);
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        catch (WebDriverException)
        {
        }
        finally
        {
            KillDriverTree();
            _service.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>ChromeDriver and the Chromium it started, should Quit have left them running.</summary>
    private void KillDriverTree()
    {
        try
        {
            using var driver = Process.GetProcessById(_service.ProcessId);
            if (!driver.HasExited)
            {
                driver.Kill(entireProcessTree: true);
                driver.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (ArgumentException)
        {
            // not running any more
        }
        catch (InvalidOperationException)
        {
        }
    }
}
