#pragma once

// Shared by the window's test suites: a trainer on a reference lesson, image checks, and
// an optional folder (BACKPROP_UI_SCREENSHOT_DIR) where the suites save what they drew so a
// person can look at it.

#include "snapshot.h"
#include "testlessons.h"
#include "trainer.h"

#include <QDir>
#include <QImage>
#include <QSet>
#include <QWidget>

#include <memory>

namespace uitest {

inline std::unique_ptr<backprop::Trainer> trainerFor(const backprop::Lesson &lesson)
{
    auto trainer = std::make_unique<backprop::Trainer>();
    const std::string error = trainer->load(lesson);
    if (!error.empty())
        qFatal("lesson refused: %s", error.c_str());
    return trainer;
}

// True when the image has at least `minimum` distinct colours (a blank widget has one).
inline bool hasContent(const QImage &image, int minimum = 8)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            colours.insert(image.pixel(x, y));
            if (colours.size() >= minimum)
                return true;
        }
    }
    return false;
}

inline int countPixels(const QImage &image, const std::function<bool(QColor)> &matches)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (matches(image.pixelColor(x, y)))
                ++count;
        }
    }
    return count;
}

inline QImage grabAndSave(QWidget &widget, const QString &name)
{
    const QImage image = widget.grab().toImage();
    const QString folder = qEnvironmentVariable("BACKPROP_UI_SCREENSHOT_DIR");
    if (!folder.isEmpty()) {
        QDir().mkpath(folder);
        image.save(QDir(folder).filePath(name + QStringLiteral(".png")));
    }
    return image;
}

} // namespace uitest
