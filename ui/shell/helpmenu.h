#pragma once

#include <QMenu>

class QAction;
class QMainWindow;
class KeysOverlay;

// Help: Keys (F1, every key of the window over it, readable on a projector) and About
// (version, the lessons and where they come from). Entries that explain a lesson (a lesson
// guide, What's This) go between the two: addGuideAction() puts them there.
class HelpMenu : public QMenu
{
    Q_OBJECT

public:
    explicit HelpMenu(QMainWindow *window);

    QAction *keysAction() const { return m_keys; }
    QAction *aboutAction() const { return m_about; }
    KeysOverlay *keysOverlay() const { return m_overlay; }
    // Inserts `action` in the guide section, above About.
    void addGuideAction(QAction *action);

    // The About text: the version and each built-in lesson with its source.
    static QString aboutText();

private:
    QMainWindow *m_window;
    KeysOverlay *m_overlay;
    QAction *m_keys;
    QAction *m_guideSection; // a separator: guide entries go just before it
    QAction *m_about;
};
