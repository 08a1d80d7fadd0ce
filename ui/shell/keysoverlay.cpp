#include "keysoverlay.h"

#include "theme.h"

#include <QFontMetricsF>
#include <QKeyEvent>
#include <QPainter>

#include <cmath>

KeysOverlay::KeysOverlay(QWidget *window) : QWidget(window)
{
    setObjectName(QStringLiteral("keysOverlay"));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(false);
    hide();
    window->installEventFilter(this); // follows the window's size
}

void KeysOverlay::open(const QList<KeyList::Group> &groups)
{
    m_groups = groups;
    m_page = 0;
    setGeometry(parentWidget()->rect());
    layOut();
    show();
    raise();
    setFocus(Qt::OtherFocusReason);
}

void KeysOverlay::layOut()
{
    // The largest type that fits, in whole pixels; below the minimum the list still shows,
    // in more columns than fit (never smaller than readable).
    for (double pixels = largestFontPixels; pixels >= minimumFontPixels; pixels -= 1.0) {
        if (layOutAt(pixels))
            return;
    }
    layOutAt(minimumFontPixels);
}

bool KeysOverlay::layOutAt(double pixels)
{
    using Style = DrawnText::Style;
    m_fontPixels = pixels;
    m_pages.clear();
    const QFontMetricsF bold(Theme::font(pixels, QFont::Bold));
    const QFontMetricsF body(Theme::font(pixels));
    const double margin = pixels;
    const double lineHeight = std::ceil(pixels * 1.3);
    const double keyGap = pixels;
    const double columnGap = 1.5 * pixels;
    const double top = margin + 1.5 * lineHeight;
    const double bottom = height() - margin;

    // Rows into columns top-down (a heading never ends a column), then each column as wide
    // as its own widest key and description; columns that do not fit go to the next page.
    struct Row
    {
        QString key, what; // a heading has no key
        bool isHeading = false;
    };
    QList<QList<Row>> columns {QList<Row>()};
    double y = top;
    for (const KeyList::Group &group : std::as_const(m_groups)) {
        if (y + 2 * lineHeight > bottom && !columns.last().isEmpty()) {
            columns.append(QList<Row>());
            y = top;
        }
        columns.last().append({{}, group.title, true});
        y += lineHeight;
        for (const KeyList::Entry &entry : group.entries) {
            if (y + lineHeight > bottom) {
                columns.append(QList<Row>());
                y = top;
            }
            columns.last().append({entry.key, entry.what, false});
            y += lineHeight;
        }
    }
    m_pages.append(QList<DrawnText>());
    double x = margin;
    for (const QList<Row> &column : std::as_const(columns)) {
        double keyWidth = 0, columnWidth = 0;
        for (const Row &row : column) {
            if (row.isHeading)
                columnWidth = std::max(columnWidth, bold.horizontalAdvance(row.what));
            else
                keyWidth = std::max(keyWidth, bold.horizontalAdvance(row.key));
        }
        for (const Row &row : column) {
            if (!row.isHeading)
                columnWidth =
                    std::max(columnWidth, keyWidth + keyGap + body.horizontalAdvance(row.what));
        }
        if (x > margin && x + columnWidth > width() - margin) {
            m_pages.append(QList<DrawnText>());
            x = margin;
        }
        QList<DrawnText> &page = m_pages.last();
        y = top;
        for (const Row &row : column) {
            if (row.isHeading) {
                page.append({row.what, QRectF(x, y, bold.horizontalAdvance(row.what), lineHeight),
                             pixels, Style::Heading});
            } else {
                page.append({row.key, QRectF(x, y, bold.horizontalAdvance(row.key), lineHeight),
                             pixels, Style::Key});
                page.append(
                    {row.what,
                     QRectF(x + keyWidth + keyGap, y, body.horizontalAdvance(row.what), lineHeight),
                     pixels, Style::Description});
            }
            y += lineHeight;
        }
        x += columnWidth + columnGap;
    }
    // Each page's title says how to go on.
    for (int k = 0; k < m_pages.size(); ++k) {
        const QString title = m_pages.size() == 1
            ? tr("Keys — press any key to close")
            : tr("Keys, page %1 of %2 — → next page, ← back, any other key closes")
                  .arg(k + 1)
                  .arg(m_pages.size());
        m_pages[k].prepend({title,
                            QRectF(margin, margin, bold.horizontalAdvance(title), lineHeight),
                            pixels, Style::Heading});
    }
    m_page = std::clamp(m_page, 0, static_cast<int>(m_pages.size()) - 1);
    return m_pages.size() == 1;
}

void KeysOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Theme::background());
    painter.setPen(Theme::text());
    const QFont bold = Theme::font(m_fontPixels, QFont::Bold);
    const QFont body = Theme::font(m_fontPixels);
    for (const DrawnText &text : drawnTexts()) {
        const bool isHeading = text.style == DrawnText::Style::Heading;
        painter.setFont(text.style == DrawnText::Style::Description ? body : bold);
        painter.setPen(isHeading ? Theme::focusRing() : Theme::text());
        painter.drawText(text.rect, Qt::AlignLeft | Qt::AlignVCenter, text.text);
    }
}

void KeysOverlay::keyPressEvent(QKeyEvent *event)
{
    event->accept();
    const int key = event->key();
    if ((key == Qt::Key_Right || key == Qt::Key_PageDown) && m_page + 1 < pageCount()) {
        ++m_page;
        update();
    } else if ((key == Qt::Key_Left || key == Qt::Key_PageUp) && m_page > 0) {
        --m_page;
        update();
    } else {
        hide();
    }
}

void KeysOverlay::mousePressEvent(QMouseEvent *event)
{
    event->accept();
    hide();
}

bool KeysOverlay::event(QEvent *event)
{
    // Every key closes the overlay, even one that is a window shortcut (F1, Space).
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

bool KeysOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        setGeometry(parentWidget()->rect());
        layOut();
    }
    return QWidget::eventFilter(watched, event);
}
