#include "digitsmenu.h"

#include "numberformat.h"
#include "shortcutactions.h"

#include <QActionGroup>

#include <algorithm>

DigitsMenu::DigitsMenu(QWidget *parent)
    : QMenu(tr("&Digits"), parent), m_choices(new QActionGroup(this)),
      m_more(ShortcutActions::make(this, tr("More digits"), QKeySequence(Qt::CTRL | Qt::Key_Period),
                                   tr("One more significant digit in every number"))),
      m_fewer(ShortcutActions::make(this, tr("Fewer digits"),
                                    QKeySequence(Qt::CTRL | Qt::Key_Comma),
                                    tr("One significant digit less in every number"))),
      m_digits(NumberFormat::digits())
{
    for (int digits = NumberFormat::minimumDigits; digits <= NumberFormat::maximumDigits;
         ++digits) {
        QAction *choose = addAction(tr("%n significant digit(s)", nullptr, digits));
        choose->setCheckable(true);
        choose->setData(digits);
        m_choices->addAction(choose);
        connect(choose, &QAction::triggered, this, [this, digits] { emit digitsChosen(digits); });
    }
    const auto chooseBy = [this](int change) {
        const int digits =
            std::clamp(m_digits + change, NumberFormat::minimumDigits, NumberFormat::maximumDigits);
        if (digits != m_digits)
            emit digitsChosen(digits);
    };
    connect(m_more, &QAction::triggered, this, [chooseBy] { chooseBy(+1); });
    connect(m_fewer, &QAction::triggered, this, [chooseBy] { chooseBy(-1); });
    showDigits(m_digits);
}

void DigitsMenu::showDigits(int digits)
{
    m_digits = digits;
    for (QAction *choose : m_choices->actions())
        choose->setChecked(choose->data().toInt() == digits);
}
