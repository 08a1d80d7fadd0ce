#pragma once

#include "keylist.h"

#include <QRectF>
#include <QWidget>

// Help ▸ Keys (F1): every key of the window over the whole window, in type large enough for
// the back row of a lecture hall, laid out in as many columns as fit (on pages when they do
// not: → and ← turn them). Any other key or a click closes it.
class KeysOverlay : public QWidget
{
    Q_OBJECT

public:
    // The smallest type it uses; smaller lists get larger type.
    static constexpr double minimumFontPixels = 24.0;
    static constexpr double largestFontPixels = 34.0;

    explicit KeysOverlay(QWidget *window);

    // Shows the keys of `groups` over the whole window and takes the keyboard.
    void open(const QList<KeyList::Group> &groups);

    struct DrawnText
    {
        enum class Style { Heading, Key, Description };
        QString text;
        QRectF rect;
        double pixelSize = 0;
        Style style = Style::Description;
    };
    // Every text of the page shown, as laid out for the current size (for tests: size,
    // place, overlap). A list too long for one screen at the smallest type goes on pages:
    // → and ← turn them.
    QList<DrawnText> drawnTexts() const { return m_pages.value(m_page); }
    int pageCount() const { return static_cast<int>(m_pages.size()); }
    int page() const { return m_page; }
    double fontPixelSize() const { return m_fontPixels; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void layOut();
    // Lays the list out at `pixels`; false when it does not fit the window.
    bool layOutAt(double pixels);

    QList<KeyList::Group> m_groups;
    QList<QList<DrawnText>> m_pages;
    int m_page = 0;
    double m_fontPixels = minimumFontPixels;
};
