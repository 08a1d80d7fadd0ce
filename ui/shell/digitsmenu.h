#pragma once

#include <QMenu>

class QAction;
class QActionGroup;

// View ▸ Digits: how many significant digits every view shows (3 to 9), a submenu of choices,
// plus "More digits" (Ctrl+.) and "Fewer digits" (Ctrl+,) for the View menu itself, so the
// digits can be changed in front of a class without a mouse.
class DigitsMenu : public QMenu
{
    Q_OBJECT

public:
    explicit DigitsMenu(QWidget *parent = nullptr);

    QAction *moreAction() const { return m_more; }
    QAction *fewerAction() const { return m_fewer; }
    // Ticks the choice without announcing it (at start, from the settings).
    void showDigits(int digits);

signals:
    void digitsChosen(int digits);

private:
    QActionGroup *m_choices;
    QAction *m_more;
    QAction *m_fewer;
    int m_digits;
};
